import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, type Actor } from '@app/common';
import { UsersService } from '../application/users.service';
import { Permission } from '../domain/permission';
import { CurrentActor, RequirePermission } from './access.decorators';
import { CreateUserDto, UpdateUserDto } from './dto/auth.dto';
import { UserPageDto, UserViewDto } from './dto/auth.responses';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@RequirePermission(Permission.UserManage)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  @ApiOperation({ summary: 'List staff and bidder accounts' })
  list(@Query() query: PageQueryDto) {
    return this.users.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: UserViewDto })
  @ApiOperation({ summary: 'Create an account with roles' })
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto, dto.reason);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserViewDto })
  @ApiOperation({ summary: 'An account' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserViewDto })
  @ApiOperation({ summary: 'Change roles, name or active flag, with a reason' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor) {
    return this.users.update(id, { displayName: dto.displayName, roles: dto.roles, active: dto.active }, dto.reason, actor.id);
  }
}
