import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CARRIER_CODES, GRADE_CODES, ORDER_STATUSES } from '@haoma/domain';
import {
  NOTE_MAX_LENGTH,
  PIPELINE_SORTS,
  SORT_ORDERS,
  type PipelineSort,
  type SortOrder,
} from '@haoma/sales';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQuery } from '../common/page.request';

/** `a,b` or a repeated parameter (`status=a&status=b`) as one list. */
const list = () =>
  Transform(({ value }: { value: unknown }) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
      .map((v) => (typeof v === 'string' ? v.trim() : v))
      .filter((v) => v !== ''),
  );

const UUID_OR_KEYWORD =
  /^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

/** The pipeline filters, shared by the list and the board. */
export class PipelineFilterQuery {
  @ApiPropertyOptional({
    type: String,
    isArray: true,
    enum: ORDER_STATUSES,
    description: 'One or more statuses (repeat the parameter or separate with commas)',
  })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(ORDER_STATUSES.length)
  @IsIn(ORDER_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({
    type: String,
    description: 'A staff id, `me` (my orders) or `none` (unassigned)',
    example: 'me',
  })
  @IsOptional()
  @IsString()
  @Matches(UUID_OR_KEYWORD, { message: 'assignee must be a staff id, me or none' })
  assignee?: string;

  @ApiPropertyOptional({ type: String, isArray: true, enum: CARRIER_CODES })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(CARRIER_CODES.length)
  @IsIn(CARRIER_CODES, { each: true })
  carrier?: string[];

  @ApiPropertyOptional({ type: String, isArray: true, enum: GRADE_CODES })
  @IsOptional()
  @list()
  @IsArray()
  @ArrayMaxSize(GRADE_CODES.length)
  @IsIn(GRADE_CODES, { each: true })
  grade?: string[];

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  createdFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Created before' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  createdTo?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Paid at or after' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  paidFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Paid before' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  paidTo?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'In the current status for longer than this duration (`90m`, `12h`, `3d`)',
    example: '3d',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,6}(s|m|h|d)$/, { message: 'inStatusLongerThan must be a duration such as 90m, 12h or 3d' })
  inStatusLongerThan?: string;

  @ApiPropertyOptional({
    type: String,
    enum: ['true', 'false'],
    description: 'true: the deadline of the current status (hold or documents) has passed',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({
    type: String,
    maxLength: 100,
    description: 'A number in any written form or some of its digits, an order no, company, USCC or email',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

export class PipelineListQuery extends PipelineFilterQuery {
  @ApiPropertyOptional({
    type: String,
    enum: PIPELINE_SORTS,
    default: 'age',
    description: 'age: creation time; status_age: when the current status began; deadline: the next deadline',
  })
  @IsOptional()
  @IsIn(PIPELINE_SORTS)
  sort?: PipelineSort;

  @ApiPropertyOptional({
    type: String,
    enum: SORT_ORDERS,
    description:
      'asc: earliest time first (oldest orders, longest in status, nearest deadline). Default desc for age, asc otherwise; orders without a deadline come last',
  })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    type: String,
    description: '`nextCursor` of the previous page (same sort and order)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class ActivityQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, enum: SORT_ORDERS, default: 'asc', description: 'asc: oldest first' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;
}

export class NotesQuery extends PageQuery {}

export class AssigneeRequest {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An active sales member, or null to unassign',
  })
  @ValidateIf((body: AssigneeRequest) => body.assigneeId !== null)
  @IsUUID('all')
  assigneeId!: string | null;

  @ApiProperty({ type: String, minLength: 1, maxLength: 500 })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason!: string;
}

export class NoteRequest {
  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: NOTE_MAX_LENGTH,
    description: 'Plain text; mention staff as `@<their email>` to notify them',
  })
  @IsString()
  @Matches(/\S/, { message: 'body must not be blank' })
  @MaxLength(NOTE_MAX_LENGTH)
  body!: string;
}
