// `X-Sdk-Date` is UTC in the basic ISO form YYYYMMDDTHHmmssZ. Requests in the same second share
// one string, so formatting runs once per second, not once per request.
let cachedSecond = Number.NaN;
let cachedValue = '';

export function formatSdkDate(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  // Stryker disable next-line ConditionalExpression: a cache, same string either way
  if (second !== cachedSecond) {
    cachedValue = date.toISOString().replace(/[-:]|\.\d+/g, '');
    cachedSecond = second;
  }
  return cachedValue;
}
