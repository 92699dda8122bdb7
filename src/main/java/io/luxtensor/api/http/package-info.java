/**
 * The HTTP transport of the API (Vert.x Web): JSON-RPC on {@code POST /}, with body limits and a host allow-list.
 * Event loops only parse and route; methods run on the API worker pool.
 */
package io.luxtensor.api.http;
