import { Controller, type MessageEvent, Query, Req, Sse } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import { filter, from, interval, map, merge, mergeMap, type Observable } from 'rxjs';
import { ConsoleSessions } from '../sessions/console-sessions.service.js';
import { sessionCookie } from '../sign-in/sign-in.controller.js';
import { LiveFeed } from './live-feed.service.js';

/** A comment line every 25 s keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;

/**
 * Server-sent events for a signed-in page: "participants of meeting X changed". The page then
 * reloads what it shows through the API, so what it learns is bounded by the reader's rights.
 */
@ApiExcludeController()
@Controller('live')
export class LiveController {
  constructor(
    private readonly feed: LiveFeed,
    private readonly sessions: ConsoleSessions,
  ) {}

  @Sse()
  changes(@Req() request: Request, @Query('eventId') eventId: unknown): Observable<MessageEvent> {
    const meetings = new Set(
      (typeof eventId === 'string' ? eventId.split(',') : []).filter((id) => isUUID(id)),
    );
    const signedIn = from(this.sessions.require(sessionCookie(request)));
    return signedIn.pipe(
      mergeMap(() =>
        merge(
          this.feed.stream.pipe(
            filter((change) => meetings.size === 0 || meetings.has(change.eventId)),
            map((change): MessageEvent => ({ type: 'change', data: change })),
          ),
          interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' }))),
        ),
      ),
    );
  }
}
