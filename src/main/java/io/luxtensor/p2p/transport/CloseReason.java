package io.luxtensor.p2p.transport;

/** Why a connection ended or a handshake failed: one value per cause, so the owner can score and ban by it. */
public enum CloseReason {
  /** The owner of the connection asked for it ({@link PeerConnection#disconnect}). */
  REQUESTED,
  /** The remote closed the socket. */
  REMOTE_CLOSED,
  /** The socket failed (reset, I/O error). */
  SOCKET_ERROR,
  /** A malformed frame plaintext: unknown flags, compression that was not negotiated, a truncated header. */
  PROTOCOL_ERROR,
  /** A malformed or invalid hello or auth: wrong magic or version, bad key, signature not by the claimed key. */
  BAD_HANDSHAKE,
  /** The remote proved a node key other than the one in the address we dialed. */
  WRONG_IDENTITY,
  /** A frame length above the cap, refused before its body was read. */
  FRAME_TOO_LARGE,
  /** A frame failed AES-GCM authentication: tampered, replayed, reordered or dropped frames all end here. */
  DECRYPT_FAILED,
  /** A compressed payload inflates beyond the payload cap (a zip bomb). */
  DECOMPRESSED_TOO_LARGE,
  /** The handshake did not finish in time. */
  TIMEOUT,
  /** The remote does not read fast enough: our write queue to it grew past its cap. */
  SEND_QUEUE_FULL,
  /** Too many inbound handshakes were in progress; this one was refused at once. */
  TOO_MANY_HANDSHAKES,
  /** A bug on our side (logged); the connection is closed rather than left half-working. */
  INTERNAL_ERROR
}
