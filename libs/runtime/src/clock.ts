import { Injectable } from '@nestjs/common';

/** The current time, injected so that rules about "in the past" can be tested at a fixed moment. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
