import { hostname } from 'node:os';
import type { Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

/** This process's traces: the tracer its HTTP host starts server spans with, and the final flush. */
export type Tracing = {
  tracer: Tracer;
  /** Exports the spans buffered so far (benchmarks, tests). */
  flush(): Promise<void>;
  /** Exports the spans still buffered, then stops (graceful drain). */
  shutdown(): Promise<void>;
};

/**
 * Where spans go, by the OpenTelemetry convention: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as
 * it is, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`; undefined (tracing off) without either.
 */
export function tracesEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}

/**
 * Turns tracing on for this process when an OTLP endpoint is configured, and does nothing
 * otherwise (no provider, no context manager: the OpenTelemetry API stays the no-op it is by
 * default, and the HTTP host gets no tracer). Called once, by a CLI entry point.
 *
 * Registered globally because that is how OpenTelemetry's API reaches libraries: Apollo
 * Gateway creates its `gateway.request`/`plan`/`fetch` spans through it. Spans leave in
 * batches as OTLP/HTTP JSON; the sampler is the SDK's, from `OTEL_TRACES_SAMPLER(_ARG)`
 * (parent-based, always on, by default), so a subgraph follows the gateway's decision.
 */
export function startTracing(defaultServiceName: string, env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  const url = tracesEndpoint(env);
  if (!url) return undefined;
  const provider = new BasicTracerProvider({
    resource: Resource.default().merge(
      new Resource({
        'service.name': env.OTEL_SERVICE_NAME || defaultServiceName,
        // Several instances of one service run side by side in a fleet.
        'service.instance.id': `${hostname()}:${process.pid}`,
      }),
    ),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register({
    // Without a context manager no span would ever be the parent of another across an await.
    contextManager: new AsyncLocalStorageContextManager().enable(),
    // W3C `traceparent` only: the header the gateway sends subgraphs and the one they read.
    propagator: new W3CTraceContextPropagator(),
  });
  return {
    tracer: provider.getTracer('newsroom-graph'),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
