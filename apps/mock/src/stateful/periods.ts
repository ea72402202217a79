/**
 * When a bought period ends: `period_type` 2 is months, 3 is years (12 months), counted in
 * calendar months from the moment of payment (UTC). A month-end start clamps to the target
 * month's last day (31 Jan + 1 month = 28/29 Feb), as billing systems do.
 */
export function periodEnd(start: Date, periodType: 2 | 3, periodNum: number): Date {
  const months = periodType === 3 ? periodNum * 12 : periodNum;
  const end = new Date(start.getTime());
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}
