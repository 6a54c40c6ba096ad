import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * A preHandler for routes that change the database. With no token configured,
 * writes are disabled (403); with one, the request needs `Authorization: Bearer <token>`
 * (401 otherwise), compared in constant time.
 */
export function requireWriteToken(token: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!token) {
      return reply.code(403).send({
        error: 'Forbidden',
        message: 'writes are disabled on this server: start it with MINUTES_TOKEN set to allow them',
      });
    }
    const given = /^Bearer[ \t]+([^ \t].*)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    // Hash both sides so that the comparison takes the same time whatever their lengths.
    if (!given || !timingSafeEqual(digest(given), digest(token))) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({
        error: 'Unauthorized',
        message: 'this write needs the header "Authorization: Bearer <MINUTES_TOKEN>"',
      });
    }
  };
}
