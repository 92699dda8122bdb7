package io.luxtensor.testing;

import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/** A WebSocket listener that queues each whole text message, in the order they arrive, for a test to take. */
public final class TextMessages implements WebSocket.Listener {
  private final BlockingQueue<String> messages;
  private final StringBuilder partial = new StringBuilder();

  public TextMessages(BlockingQueue<String> messages) {
    this.messages = messages;
  }

  public TextMessages() {
    this(new LinkedBlockingQueue<>());
  }

  public BlockingQueue<String> messages() {
    return messages;
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    socket.request(1);
    return null;
  }
}
