import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TokenVerifier } from '@plenary/auth';
import { ConfigModule } from '@plenary/config';
import { ObservabilityModule } from '@plenary/observability';
import { PersistenceModule } from '@plenary/persistence';
import { HealthController } from '@plenary/runtime';
import { ApiForwarder } from './api-proxy/api-forwarder.service.js';
import { ApiProxyController } from './api-proxy/api-proxy.controller.js';
import { SameOriginGuard } from './api-proxy/same-origin.guard.js';
import { ConsoleConfig } from './console.config.js';
import { PublicApiController } from './public/public-api.controller.js';
import { PublicForwarder } from './public/public-forwarder.service.js';
import { LiveController } from './live/live.controller.js';
import { LiveFeed } from './live/live-feed.service.js';
import { ConsoleSessions } from './sessions/console-sessions.service.js';
import { Session, SessionSchema } from './sessions/session.schema.js';
import { SessionWriter } from './sessions/session-writer.service.js';
import { OidcClient } from './sign-in/oidc-client.service.js';
import { SignInController } from './sign-in/sign-in.controller.js';

/**
 * The console's server. No domain rules here: sign-in, sessions, forwarding to the services'
 * APIs (and, signed out, to their public routes only), and live change notices; the services decide what each person may do.
 */
@Module({
  imports: [
    ConfigModule.forRoot(ConsoleConfig),
    ObservabilityModule,
    PersistenceModule,
    MongooseModule.forFeature([{ name: Session.name, schema: SessionSchema }]),
  ],
  // PublicApiController (/api/public/…) before ApiProxyController (/api/:service/…), which would take it.
  controllers: [HealthController, SignInController, PublicApiController, ApiProxyController, LiveController],
  providers: [
    TokenVerifier,
    OidcClient,
    SessionWriter,
    ConsoleSessions,
    ApiForwarder,
    PublicForwarder,
    SameOriginGuard,
    LiveFeed,
  ],
})
export class AppModule {}
