/**
 * The messages nodes exchange and their strict codecs: each message type a record, each encoded as RLP with every
 * list bounded, so a peer cannot make this node allocate more than a frame's worth.
 */
package io.luxtensor.p2p.message;
