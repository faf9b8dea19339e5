import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export const SECTION_KINDS = ['opening', 'agenda-item', 'closing', 'other'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const DECISION_KINDS = ['agreement', 'decision'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'in-progress', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

const PARTY_CODE = /^[A-Z][A-Z0-9-]{1,15}$/;

export class ReportSection {
  @ApiProperty({ enum: SECTION_KINDS, example: 'agenda-item' })
  @IsIn(SECTION_KINDS)
  kind: SectionKind;

  @ApiProperty({
    example: 'Migratory movements after the withdrawal of the International Security Assistance Force',
  })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({
    example: '0192f0c4-8c3d-7e4f-9a0b-1c2d3e4f5a6b',
    description: 'The agenda item this section reports on.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  agendaItemId?: string;

  @ApiProperty({
    example:
      'The representatives of Afghanistan and UNAMA presented scenarios for the development of events…',
  })
  @IsString()
  @Length(1, 50_000)
  text: string;
}

export class ReportStatement {
  @ApiProperty({ example: 'Daulet Argandykov' })
  @IsString()
  @Length(1, 200)
  speaker: string;

  @ApiPropertyOptional({ example: 'Vice-Minister of Healthcare and Social Development' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  position?: string;

  @ApiPropertyOptional({ example: 'KAZ' })
  @IsOptional()
  @Matches(PARTY_CODE, { message: '$property must be a party code such as KAZ or UNHCR' })
  party?: string;

  @ApiProperty({
    example: 'As a single region we acknowledge the urgency of making Afghanistan a great regional partner.',
  })
  @IsString()
  @Length(1, 20_000)
  quote: string;
}

export class ReportDecision {
  @ApiProperty({ enum: DECISION_KINDS, example: 'agreement' })
  @IsIn(DECISION_KINDS)
  kind: DecisionKind;

  @ApiProperty({
    example: 'To reinforce coordination among the relevant state authorities of the member states.',
  })
  @IsString()
  @Length(1, 10_000)
  text: string;

  @ApiProperty({
    example: ['KAZ', 'KGZ', 'TJK', 'AFG', 'AZE', 'IRN', 'PAK', 'TUR'],
    description: 'Codes of the parties agreeing.',
  })
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(PARTY_CODE, { each: true, message: 'each of $property must be a party code' })
  parties: string[];
}

export class ReportRecommendation {
  @ApiProperty({
    example:
      'Hold a technical working group on the identification of vulnerable persons before the next meeting.',
  })
  @IsString()
  @Length(1, 10_000)
  text: string;
}

export class ReportFollowUp {
  @ApiProperty({ example: 'Circulate a draft plan of joint activities' })
  @IsString()
  @Length(1, 2_000)
  action: string;

  @ApiProperty({ example: 'Chair (Kazakhstan) with IOM' })
  @IsString()
  @Length(1, 300)
  responsible: string;

  @ApiPropertyOptional({ example: '2028-02-01' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: '$property must be a date such as 2028-02-01',
  })
  dueDate?: string;

  @ApiProperty({ enum: FOLLOW_UP_STATUSES, example: 'open' })
  @IsIn(FOLLOW_UP_STATUSES)
  status: FollowUpStatus;
}

export class ReportAnnex {
  @ApiProperty({ example: 'List of participants' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiProperty({ example: 'https://documents.example.org/almaty-process/2027/participants.pdf' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  url: string;
}

/** What a meeting produced, as the secretariat writes it. Everything but the title may be left for later drafts. */
export class ReportContent {
  @ApiProperty({
    example: 'Outcome of the meeting of representatives of member states of the Almaty Process',
  })
  @IsString()
  @Length(3, 300)
  title: string;

  @ApiPropertyOptional({
    example: 'Representatives of the member states met in Almaty to discuss…',
    description: 'Required to publish.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 20_000)
  summary?: string;

  @ApiProperty({ type: [ReportSection], description: 'In order: opening, one per agenda item, closing.' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReportSection)
  sections: ReportSection[];

  @ApiProperty({ type: [ReportStatement] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReportStatement)
  statements: ReportStatement[];

  @ApiProperty({ type: [ReportDecision], description: 'Agreements and decisions.' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReportDecision)
  decisions: ReportDecision[];

  @ApiProperty({ type: [ReportRecommendation] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReportRecommendation)
  recommendations: ReportRecommendation[];

  @ApiProperty({ type: [ReportFollowUp] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReportFollowUp)
  followUps: ReportFollowUp[];

  @ApiProperty({ type: [ReportAnnex] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReportAnnex)
  annexes: ReportAnnex[];
}
