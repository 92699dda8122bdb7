/**
 * Authentication of API clients: HS256 JSON Web Tokens checked against a shared secret file, as Geth's and Besu's
 * authenticated RPC do. Verification is a pure function of the token, the secret and the time given to it; the HTTP
 * handler that applies it to every request lives in {@code api.http}.
 *
 * <p>Shell (part of {@code api}): may import the core and JSON; no Vert.x here.
 */
package io.luxtensor.api.auth;
