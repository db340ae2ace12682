import { gatewayModule } from '../../src/gateway/apollo-internals';
import { createGateway } from '../../src/gateway/create-gateway';

/** The part of Apollo Gateway that probes cloud metadata addresses and then sends metrics to Apollo. */
type TelemetryModule = { createDataCollectionExporter: () => { shutdown(): Promise<void> } };

describe("Apollo Gateway's own telemetry", () => {
  // Counted in place of the real exporter, which would reach the network.
  const telemetry = gatewayModule<TelemetryModule>('@apollo/gateway/dist/utilities/opentelemetry');
  const original = telemetry.createDataCollectionExporter;
  let started = 0;
  beforeAll(() => {
    telemetry.createDataCollectionExporter = () => {
      started += 1;
      return { shutdown: async () => undefined };
    };
  });
  afterAll(() => {
    telemetry.createDataCollectionExporter = original;
  });
  beforeEach(() => {
    started = 0;
  });

  it('is not started unless asked for, and the process environment is left as it was', () => {
    const before = process.env.APOLLO_TELEMETRY_DISABLED;
    createGateway({ env: {} });
    createGateway({ env: { APOLLO_TELEMETRY_DISABLED: 'true' } });
    expect(started).toBe(0);
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe(before);
  });

  it('is started when APOLLO_TELEMETRY_DISABLED says false', () => {
    createGateway({ env: { APOLLO_TELEMETRY_DISABLED: 'false' } });
    createGateway({ env: { APOLLO_TELEMETRY_DISABLED: '0' } });
    expect(started).toBe(2);
  });
});
