// Process start alone (no request): the part of every cold start no library can remove.
process.stdout.write('ok\n');
