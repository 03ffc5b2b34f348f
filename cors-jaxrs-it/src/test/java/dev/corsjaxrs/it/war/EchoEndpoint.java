package dev.corsjaxrs.it.war;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A Jakarta WebSocket endpoint that echoes text. */
@ServerEndpoint("/ws/echo")
public class EchoEndpoint {

  /**
   * Echoes a message.
   *
   * @param message the text
   * @return it, prefixed
   */
  @OnMessage
  public String echo(String message) {
    return "echo: " + message;
  }
}
