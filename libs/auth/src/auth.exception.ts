import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  FORBIDDEN = 'FORBIDDEN',
}

export class AuthException extends AppException {
  constructor(code: AuthErrorCode, message: string) {
    super(code === AuthErrorCode.FORBIDDEN ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED, code, message);
  }
}
