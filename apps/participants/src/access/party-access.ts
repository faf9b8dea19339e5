import { HttpStatus } from '@nestjs/common';
import { mayActForParty, type Principal } from '@plenary/auth';
import { AppException } from '@plenary/http';

/**
 * A coordinator acts for their own party at their own meeting only; the secretariat for all.
 * Anything else is a 403, before anything is read or changed.
 */
export function assertMayActFor(actor: Principal, eventId: string, party: string): void {
  if (mayActForParty(actor, eventId, party)) return;
  const own =
    actor.role === 'coordinator' ? `${actor.party}'s delegation to meeting ${actor.eventId}` : 'nothing here';
  throw new AppException(
    HttpStatus.FORBIDDEN,
    'NOT_YOUR_DELEGATION',
    `This token may act for ${own}, not for ${party}'s delegation to meeting ${eventId}.`,
  );
}

/** Whether the viewer may see this party's people's contact details and personal needs. */
export function maySeeDetails(viewer: Principal, eventId: string, party: string): boolean {
  return viewer.role !== 'observer' && mayActForParty(viewer, eventId, party);
}
