// `X-Sdk-Date` is UTC in the basic ISO form YYYYMMDDTHHmmssZ. Requests in the same second share
// one string, so formatting runs once per second, not once per request.
let cachedSecond = Number.NaN;
let cachedValue = '';

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function formatSdkDate(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('X-Sdk-Date: invalid date');
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedValue =
      `${date.getUTCFullYear()}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}` +
      `T${pad2(date.getUTCHours())}${pad2(date.getUTCMinutes())}${pad2(date.getUTCSeconds())}Z`;
    cachedSecond = second;
  }
  return cachedValue;
}
