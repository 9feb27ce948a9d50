import { Client, type IMessage } from '@stomp/stompjs';
import { auth } from './auth';

/**
 * One STOMP connection to /ws for the page's subscriptions (@stomp/stompjs reconnects by itself); the access token
 * travels in the CONNECT frame and is read again on every reconnect, so a renewed token is used.
 */
export function liveClient(onConnected: (client: Client) => void, onState: (connected: boolean) => void): Client {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const client = new Client({
    brokerURL: `${scheme}://${window.location.host}/ws`,
    reconnectDelay: 2000,
    beforeConnect: async () => {
      if (!auth.accessToken()) await auth.refresh();
      client.connectHeaders = { Authorization: `Bearer ${auth.accessToken() ?? ''}` };
    },
    onConnect: () => {
      onState(true);
      onConnected(client);
    },
    onWebSocketClose: () => onState(false),
    onStompError: () => onState(false),
  });
  client.activate();
  return client;
}

export function json<T>(message: IMessage): T {
  return JSON.parse(message.body) as T;
}
