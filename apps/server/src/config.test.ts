import { describe, expect, it } from 'vitest';
import { decideBankIdSimulator, isLoopbackHost, loadConfig, type SimulatorDecisionInput } from './config';

const base: SimulatorDecisionInput = {
  host: 'localhost',
  requested: undefined,
  bankidUrl: undefined,
  nodeEnv: undefined,
  acknowledged: false,
};
const decide = (over: Partial<SimulatorDecisionInput>) => decideBankIdSimulator({ ...base, ...over });
const enabled = (over: Partial<SimulatorDecisionInput>) => {
  const d = decide(over);
  if (!d.ok) throw new Error(d.reason);
  return d.enabled;
};

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (h) => {
      expect(isLoopbackHost(h)).toBe(true);
    },
  );
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'lovisa.kjellstavik.se', '128.0.0.1', 'localhost.example.com'])(
    '%s is not',
    (h) => {
      expect(isLoopbackHost(h)).toBe(false);
    },
  );
});

describe('decideBankIdSimulator', () => {
  it('is on by default for a newcomer on loopback, and says how to log in', () => {
    const d = decide({});
    expect(d).toMatchObject({ ok: true, enabled: true });
    expect(d.ok && d.notes.map((n) => n.level)).toEqual(['info']);
  });

  it('is off on an explicit non-loopback HOST unless asked for, and says what to set', () => {
    const d = decide({ host: '0.0.0.0' });
    expect(d).toMatchObject({ ok: true, enabled: false });
    const text = d.ok ? d.notes.map((n) => n.message).join(' ') : '';
    expect(text).toMatch(/nobody can log in/);
    expect(text).toMatch(/BANKID_URL/);
    expect(text).toMatch(/BANKID_SIMULATOR=true/);
  });

  it('is off when a real BankID is configured, even on loopback', () => {
    expect(enabled({ bankidUrl: 'https://appapi2.bankid.com' })).toBe(false);
    expect(decide({ bankidUrl: 'https://appapi2.bankid.com' })).toMatchObject({ notes: [] });
  });

  it('obeys an explicit setting either way', () => {
    expect(enabled({ host: '0.0.0.0', requested: true })).toBe(true);
    expect(enabled({ requested: false })).toBe(false);
  });

  it('warns loudly whenever it is on and not on loopback', () => {
    const d = decide({ host: '0.0.0.0', requested: true });
    expect(d.ok && d.notes).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: expect.stringMatching(/ANYONE WHO CAN REACH IT CAN LOG IN AS ANYONE/),
      }),
    ]);
  });

  it('refuses production with the simulator on, unless acknowledged', () => {
    for (const over of [{}, { requested: true }, { host: '0.0.0.0', requested: true }]) {
      const d = decide({ ...over, nodeEnv: 'production' });
      expect(d.ok).toBe(false);
      expect(!d.ok && d.reason).toMatch(/I_UNDERSTAND_THE_BANKID_SIMULATOR_LETS_ANYONE_LOG_IN=true/);
      expect(decide({ ...over, nodeEnv: 'production', acknowledged: true }).ok).toBe(true);
    }
    expect(decide({ nodeEnv: 'production', bankidUrl: 'https://appapi2.bankid.com' })).toMatchObject({
      ok: true,
      enabled: false,
    });
  });
});

describe('the public address e-mails link to', () => {
  it('is PUBLIC_URL without a trailing slash, the local address on loopback, otherwise unknown', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://bygglov.kjellstavik.se/' }).publicUrl).toBe(
      'https://bygglov.kjellstavik.se',
    );
    expect(loadConfig({ PORT: '4123' }).publicUrl).toBe('http://localhost:4123');
    expect(loadConfig({ HOST: '0.0.0.0', BANKID_URL: 'https://appapi2.test.bankid.com' }).publicUrl).toBeNull();
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://kjellstavik.se' })).toThrow(/PUBLIC_URL/);
  });
});

describe('loadConfig', () => {
  it('listens on loopback by default, with the simulator', () => {
    const c = loadConfig({});
    expect(c.host).toBe('localhost');
    expect(c.bankidSimulator).toBe(true);
  });

  it('keeps the simulator off on HOST=0.0.0.0 without BANKID_SIMULATOR', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).bankidSimulator).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0', BANKID_SIMULATOR: 'true' }).bankidSimulator).toBe(true);
  });

  it('serves metrics only when given a port, on loopback unless told otherwise', () => {
    expect(loadConfig({}).metrics).toBeNull();
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5' }).metrics).toEqual({
      port: 9464,
      host: '10.0.0.5',
    });
    expect(() => loadConfig({ METRICS_PORT: 'many' })).toThrow();
  });

  it('refuses to load for production with the simulator on', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/Refusing to start.*I_UNDERSTAND/s);
    expect(
      loadConfig({ NODE_ENV: 'production', I_UNDERSTAND_THE_BANKID_SIMULATOR_LETS_ANYONE_LOG_IN: 'true' })
        .bankidSimulator,
    ).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'production', BANKID_SIMULATOR: 'false', BANKID_URL: 'https://appapi2.bankid.com' })
        .bankidSimulator,
    ).toBe(false);
  });

  it('keeps attachments on disk unless S3_BUCKET is set, and refuses half an S3 configuration', () => {
    expect(loadConfig({}).s3).toBeNull();
    expect(
      loadConfig({
        S3_BUCKET: 'lovisa-bilagor',
        S3_REGION: 'eu-north-1',
        S3_ENDPOINT: 'http://minio.internal:9000',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
      }).s3,
    ).toEqual({
      bucket: 'lovisa-bilagor',
      region: 'eu-north-1',
      endpoint: 'http://minio.internal:9000',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    // Without keys the SDK finds its own (an instance role, AWS_* variables).
    expect(loadConfig({ S3_BUCKET: 'lovisa-bilagor', S3_REGION: 'eu-north-1' }).s3).toEqual({
      bucket: 'lovisa-bilagor',
      region: 'eu-north-1',
      forcePathStyle: false,
    });
    expect(() => loadConfig({ S3_ENDPOINT: 'http://minio.internal:9000' })).toThrow(
      /S3_ENDPOINT set but S3_BUCKET is not/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'lovisa-bilagor' })).toThrow(/S3_REGION is not/);
    expect(() => loadConfig({ S3_BUCKET: 'lovisa-bilagor', S3_REGION: 'eu-north-1', S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'lovisa-bilagor', S3_REGION: 'x', S3_ENDPOINT: 'ftp://x' })).toThrow(
      /S3_ENDPOINT/,
    );
  });
});
