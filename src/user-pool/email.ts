import { choose } from '../core/conditional';

/** Options of the built-in Cognito email sender. */
export interface CognitoEmailOptions {
  /**
   * Where replies go.
   * @default - no reply-to address
   */
  readonly replyTo?: string;
}

/** Options of sending through Amazon SES (`email_sending_account = "DEVELOPER"`). */
export interface SesEmailOptions {
  /** The sender address, verified in SES (alone, or inside a verified domain). */
  readonly fromEmail: string;
  /**
   * A display name shown before the address (`Name <address>`).
   * @default - the address alone
   */
  readonly fromName?: string;
  /**
   * Where replies go.
   * @default - no reply-to address
   */
  readonly replyTo?: string;
  /**
   * The ARN of the verified SES identity (address or domain).
   * @default - the identity of `sesVerifiedDomain`, or else of `fromEmail`, in the stack's account and
   *   `sesRegion`; this needs the stack's AWS environment to be declared
   */
  readonly sesIdentityArn?: string;
  /**
   * A verified SES domain that `fromEmail` belongs to, used to build the identity ARN.
   * @default - the address itself is the verified identity
   */
  readonly sesVerifiedDomain?: string;
  /**
   * The region of the SES identity.
   * @default - the stack's region
   */
  readonly sesRegion?: string;
  /**
   * An SES configuration set (event publishing, dedicated IPs).
   * @default - none
   */
  readonly configurationSet?: string;
}

/** How the pool sends email: Cognito's own limited sender, or your SES identity. */
export abstract class UserPoolEmail {
  /** Cognito's built-in sender (a low daily limit; for development and low volume). */
  public static withCognito(options: CognitoEmailOptions = {}): UserPoolEmail {
    return new CognitoEmail(options);
  }

  /** Amazon SES, for production volume, your own FROM address and invitation templates. */
  public static withSes(options: SesEmailOptions): UserPoolEmail {
    return new SesEmail(options);
  }

  /**
   * Amazon SES or Cognito's sender, chosen by Terraform: `useSes` is a token (a condition on Terraform
   * variables, as in the generated module). The SES identity ARN must be given in `ses.sesIdentityArn`.
   */
  public static chosenByTerraform(useSes: boolean, ses: SesEmailOptions, cognito: CognitoEmailOptions): PlanTimeEmail {
    return new PlanTimeEmail(useSes, ses, cognito);
  }

  /** `COGNITO_DEFAULT` or `DEVELOPER` (a token for {@link UserPoolEmail.chosenByTerraform}). */
  public abstract readonly sendingAccount: 'COGNITO_DEFAULT' | 'DEVELOPER';
  /** The options given. */
  public abstract readonly options: CognitoEmailOptions | SesEmailOptions;
}

class CognitoEmail extends UserPoolEmail {
  public readonly sendingAccount = 'COGNITO_DEFAULT' as const;
  constructor(public readonly options: CognitoEmailOptions) {
    super();
  }
}

class SesEmail extends UserPoolEmail {
  public readonly sendingAccount = 'DEVELOPER' as const;
  constructor(public readonly options: SesEmailOptions) {
    super();
  }
}

/** A sender that Terraform chooses from variables; rules that depend on the sender skip it. */
export class PlanTimeEmail extends UserPoolEmail {
  public readonly sendingAccount: 'COGNITO_DEFAULT' | 'DEVELOPER';
  public readonly options: SesEmailOptions;
  constructor(
    /** The condition (a token) under which email goes through SES. */
    public readonly useSes: boolean,
    ses: SesEmailOptions,
    /** The Cognito sender's options, used otherwise. */
    public readonly cognito: CognitoEmailOptions,
  ) {
    super();
    this.options = ses;
    this.sendingAccount = choose(useSes, 'DEVELOPER', 'COGNITO_DEFAULT');
  }
}

/** True for an SES sender. */
export function isSesEmail(email: UserPoolEmail): email is UserPoolEmail & { options: SesEmailOptions } {
  return email.sendingAccount === 'DEVELOPER';
}

/** True for Cognito's sender (false for one Terraform chooses). */
export function isCognitoEmail(email: UserPoolEmail): boolean {
  return email.sendingAccount === 'COGNITO_DEFAULT';
}
