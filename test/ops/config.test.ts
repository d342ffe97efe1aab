import { loadConfig } from '../../app/config';

test('a fresh machine needs no variable: memory state, port 3978, 30 minutes of idle expiry', () => {
  const config = loadConfig({});
  expect(config.redis).toBeUndefined();
  expect(config.port).toBe(3978);
  expect(config.stateTtlMs).toBe(30 * 60_000);
  // a process killed mid-turn holds its person at most 1.5 s; a message waits at most 5 s for another's turn
  expect(config.leaseMs).toBe(1500);
  expect(config.lockWaitMs).toBe(5000);
});

test('REDIS_URL, Sentinel or Cluster variables select Redis state', () => {
  expect(loadConfig({ REDIS_URL: 'redis://cache:6379/2' }).redis?.url).toBe('redis://cache:6379/2');
  expect(loadConfig({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'bot' }).redis?.sentinels).toEqual([
    { host: 's1', port: 26379 },
    { host: 's2', port: 26379 },
  ]);
  expect(loadConfig({ REDIS_CLUSTER_NODES: 'n1:7000' }).redis?.clusterNodes).toEqual([{ host: 'n1', port: 7000 }]);
});

test.each([
  [{ STATE_TTL_MINUTES: 'trente' }, /STATE_TTL_MINUTES/],
  [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  [{ REDIS_SENTINELS: 's1:26379' }, /REDIS_SENTINEL_NAME/],
  [{ REDIS_CLUSTER_NODES: 'n1' }, /host:port/],
  [{ NODE_ENV: 'production' }, /STATE_SECRET/],
  [{ STATE_LOCK_TTL_MS: '5000' }, /STATE_LOCK_LEASE_MS and STATE_LOCK_WAIT_MS/],
])('a wrong setting stops startup with a message naming the variable (%o)', (env, message) => {
  expect(() => loadConfig(env)).toThrow(message);
});
