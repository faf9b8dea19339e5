import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum SignInErrorCode {
  NOT_SIGNED_IN = 'NOT_SIGNED_IN',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  NOT_FROM_CONSOLE = 'NOT_FROM_CONSOLE',
}

const STATUS: Record<SignInErrorCode, HttpStatus> = {
  [SignInErrorCode.NOT_SIGNED_IN]: HttpStatus.UNAUTHORIZED,
  [SignInErrorCode.SESSION_EXPIRED]: HttpStatus.UNAUTHORIZED,
  [SignInErrorCode.SIGN_IN_FAILED]: HttpStatus.BAD_REQUEST,
  [SignInErrorCode.PROVIDER_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [SignInErrorCode.NOT_FROM_CONSOLE]: HttpStatus.FORBIDDEN,
};

export class SignInException extends AppException {
  constructor(code: SignInErrorCode, message: string) {
    super(STATUS[code], code, message);
  }
}
