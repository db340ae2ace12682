import { IsEmail, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { EMAIL_MAX } from '../../src/accounts/account-fields';
import { DISPLAY_NAME_MAX } from '../../src/text/display-name';
import { PASSWORD_MAX } from '../../src/accounts/password-policy';
import { IsAcceptablePassword } from './password.validator';

/** No control characters (line breaks, NUL, bidi overrides…) in a name shown to others. */
const PRINTABLE = /^[^\p{Cc}\p{Cf}]*$/u;

@InputType('RegisterInput', { description: 'A new account.' })
export class RegisterInput {
  @Field({ description: 'Email address (at most 254 characters); compared without case.' })
  @MaxLength(EMAIL_MAX)
  @IsEmail()
  email: string;

  @Field({ description: '10 to 128 characters, not a common password.' })
  @IsAcceptablePassword()
  password: string;

  @Field({ description: 'Public name, 1 to 80 characters (trimmed).' })
  @Length(1, DISPLAY_NAME_MAX)
  @Matches(/\S/, { message: 'displayName cannot be blank' })
  @Matches(PRINTABLE, { message: 'displayName cannot contain control characters' })
  displayName: string;
}

@ArgsType()
export class LoginArgs {
  @Field({ description: 'The account’s email.' })
  @MaxLength(EMAIL_MAX)
  email: string;

  @Field({ description: 'The account’s password.' })
  @MaxLength(PASSWORD_MAX)
  password: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field({ description: 'The refresh token of the session.' })
  @MaxLength(200)
  refreshToken: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field({ description: 'The password in use now.' })
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @Field({ description: 'The new password: 10 to 128 characters, not a common password.' })
  @IsAcceptablePassword()
  newPassword: string;
}

@ArgsType()
export class EmailArgs {
  @Field({ description: 'Email address.' })
  @MaxLength(EMAIL_MAX)
  @IsEmail()
  email: string;
}

@ArgsType()
export class TokenArgs {
  @Field({ description: 'The token from the mailed link.' })
  @MaxLength(1000)
  token: string;
}

@ArgsType()
export class ResetPasswordArgs extends TokenArgs {
  @Field({ description: 'The new password: 10 to 128 characters, not a common password.' })
  @IsAcceptablePassword()
  newPassword: string;
}
