/**
 * The HTTP transport of the API (Vert.x Web): JSON-RPC on {@code POST /}, with body limits and a host allow-list,
 * and the guards every request passes before an endpoint ({@link io.luxtensor.api.http.ApiGuards}): connection
 * limit, CORS, per-address rate limit, bearer-token authentication. Event loops only parse, check and route; methods
 * run on the API worker pool.
 */
package io.luxtensor.api.http;
