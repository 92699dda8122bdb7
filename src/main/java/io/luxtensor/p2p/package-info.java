/**
 * The peer-to-peer network: TCP transport encrypted and authenticated with each node's secp256k1 node key,
 * length-prefixed frames with a hard size cap, message codecs, peers, gossip and the sync driver.
 *
 * <p>Shell: may use Vert.x and the core; event loops never block (signature checks and storage reads go to workers).
 */
package io.luxtensor.p2p;
