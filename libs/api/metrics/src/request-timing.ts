import type { FastifyInstance } from 'fastify';
import type { MetricsRegistry } from './metrics-registry';

/** The label of a request no route matched: one series for all of them, whatever the URL. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Times every response into the histogram, labelled by the route that handled it. */
export function timeRequests(fastify: FastifyInstance, metrics: MetricsRegistry): void {
  fastify.addHook('onResponse', async (request, reply) => {
    // Nest registers its routes on Fastify, so the template is Fastify's (`/api/v1/reports/:ref`).
    // The web fallback (`/*`) and 404s collapse to one label each: labels never carry user input.
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
