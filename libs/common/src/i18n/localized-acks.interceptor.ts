import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { preferredLanguage } from './language';
import { localizeAck } from './localize';

/**
 * For socket.io gateways: every acknowledgement `{ok: false, code, message}` is answered in the
 * language of the connection's handshake `Accept-Language` (Chinese by default), codes unchanged.
 * One decorator on the gateway, `@UseInterceptors(LocalizedAcksInterceptor)`, covers every message.
 */
@Injectable()
export class LocalizedAcksInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'ws') return next.handle();
    const client = context.switchToWs().getClient<{ handshake?: { headers?: Record<string, unknown> } }>();
    const language = preferredLanguage(client.handshake?.headers?.['accept-language']);
    return next.handle().pipe(map((ack: unknown) => localizeAck(ack, language)));
  }
}
