// The test credentials of the reference signing pages and the project every benchmark uses. A
// module of their own, without the spec: the cold-start programs import them, and loading the
// spec (YAML) there would be timed as part of every contender's start.
export const ACCESS_KEY = 'AKTESTEXAMPLE0000000';
export const SECRET_KEY = 'SKtestexample0000000000000000000000000000';
export const TOKEN = 'MIIBenchTokenNotASecret0000000000000000000000000000000000000000';
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';
