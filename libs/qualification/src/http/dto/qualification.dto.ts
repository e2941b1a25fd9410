import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsBase64Text } from '@app/common';

export class RegisterBidderDto {
  @ApiProperty({ enum: ['company', 'person', 'organization'] }) @IsIn(['company', 'person', 'organization'], { message: 'kind must be company, person or organization' })
  kind: 'company' | 'person' | 'organization';

  @ApiProperty({ example: '寿光市宏远置业有限公司' }) @IsString() @MinLength(2) @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '91370783MA3C5X2Q14', description: '统一社会信用代码 (GB 32100, with its check character): required for a company or an organization, refused for a person' }) @IsOptional() @IsString() @MaxLength(40)
  creditCode?: string;

  @ApiPropertyOptional({ description: '居民身份证号码 (GB 11643, 18 characters with its check digit), e.g. "370783198001011238": required for a person, refused for a company or an organization' }) @IsOptional() @IsString() @MaxLength(40)
  idNumber?: string;

  @ApiProperty({ example: '王建国' }) @IsString() @MinLength(1) @MaxLength(100)
  legalRepresentative: string;

  @ApiProperty({ example: '李明' }) @IsString() @MinLength(1) @MaxLength(100)
  contactName: string;

  @ApiProperty({ example: '13805360000' }) @Matches(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: 'contactPhone must be a mobile number (11 digits) or a landline like 0536-5221234' })
  contactPhone: string;

  @ApiPropertyOptional({ example: 'liming@hongyuan.example.cn' }) @IsOptional() @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  contactEmail?: string;

  @ApiProperty({ example: '山东省寿光市圣城街1号' }) @IsString() @MinLength(2) @MaxLength(300)
  address: string;

  @ApiProperty({ example: 'hongyuan' }) @Matches(/^[a-z][a-z0-9_.-]{2,63}$/, { message: 'username must be 3–64 characters: lowercase letters, digits, "_", "." or "-", starting with a letter' })
  username: string;

  @ApiProperty({ minLength: 12, example: 'Hongyuan-2026-bid', description: 'The password rule: 12–200 characters, mixing at least two of: lowercase letters, uppercase letters, digits, symbols (WEAK_PASSWORD otherwise)' }) @IsString() @MaxLength(200)
  password: string;
}

export class PartnerDto {
  @ApiProperty({ example: '91370783MA3C5X2Q14', description: 'The partner’s unified social credit code or resident ID number, as registered' }) @IsString() @MinLength(15) @MaxLength(40)
  identifier: string;

  @ApiProperty({ example: '33.34', description: 'Share of the group in percent, 2 decimal places; the shares sum to exactly 100.00' })
  @Matches(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, { message: 'share must be a percentage with at most 2 decimal places, like "33.34"' })
  share: string;
}

export class ApplyDto {
  @ApiPropertyOptional({
    type: [PartnerDto],
    description: 'For a joint bid (联合竞买): every member with its share, the applicant included. Each other member is invited by its code and joins only when it accepts',
  })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PartnerDto)
  partners?: PartnerDto[];
}

export class UploadDocumentDto {
  @ApiProperty({ example: '营业执照' }) @IsString() @MinLength(1) @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'license.pdf' }) @Matches(/^[^\\/\0]{1,255}$/, { message: 'fileName must be a plain file name' })
  fileName: string;

  @ApiProperty({
    example: 'JVBERi0xLjQg6JCl5Lia5omn54Wn5omr5o+P5Lu2',
    description:
      'The file, base64-encoded: a PDF, OFD or image (JPEG, PNG, TIFF, WebP), judged by its content. At most `qualification.maxDocumentBytes` (default 20 MiB) per file, ' +
      '`qualification.maxDocumentsPerApplication` (20) files and `qualification.maxApplicationDocumentBytes` (50 MiB) in all per application',
  })
  @IsBase64Text({ message: 'contentBase64 must be base64' })
  contentBase64: string;
}

/** An optional reason, kept in the audit trail. */
export class OptionalReasonDto {
  @ApiPropertyOptional({ example: '联合体成员调整，重新申请' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(2000)
  reason?: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject']) decision: 'approve' | 'reject';
  @ApiProperty({ example: '材料齐全，符合竞买资格' }) @IsString() @MinLength(2) @MaxLength(2000) reason: string;
}

export class BlacklistDto {
  @ApiProperty({ example: '成交后未在期限内签订出让合同' }) @IsString() @MinLength(2) @MaxLength(2000) reason: string;
  @ApiProperty({ example: '2029-12-31T23:59:59+08:00' }) @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date-time' }) endsAt: string;
}

export class SimulatedPaymentDto {
  @ApiProperty({ example: '955880123456789015', description: 'The virtual sub-account shown in the application (18 digits, Luhn check digit)' }) @Matches(/^\d{18}$/, { message: 'subAccount must be 18 digits' }) subAccount: string;
  @ApiProperty({ example: '2000000.00' }) @Matches(/^(0|[1-9]\d{0,15})\.\d{2}$/, { message: 'amount must be a decimal string with 2 places' }) amount: string;
  @ApiProperty({ example: '寿光市宏远置业有限公司' }) @IsString() @MinLength(1) @MaxLength(200) payerName: string;
  @ApiPropertyOptional({ example: '6228480000000000000' }) @IsOptional() @Matches(/^\d{6,32}$/) payerAccount?: string;
  @ApiPropertyOptional({ description: 'Bank arrival time with its offset, e.g. 2026-11-16T10:23:45+08:00; default now' }) @IsOptional() @IsISO8601({ strict: true }) arrivedAt?: string;
  @ApiPropertyOptional({ description: 'Bank transaction id, e.g. TX20261116001; default a new one' }) @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,64}$/) txnId?: string;
}
