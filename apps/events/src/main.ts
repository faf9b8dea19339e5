import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Dto } from '@plenary/contracts';
@Injectable() class A { hi() { return 'a'; } }
@Injectable() class B { constructor(readonly a: A) {} }
@Module({ providers: [A, B] }) class M {}
const app = await NestFactory.createApplicationContext(M, { logger: false });
console.log(app.get(B).a.hi(), new Dto());
