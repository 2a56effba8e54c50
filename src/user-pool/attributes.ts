/** How a standard attribute behaves. */
export interface StandardAttribute {
  /**
   * Every user must have it at sign-up. Cannot be changed after the pool exists.
   * @default false
   */
  readonly required?: boolean;
  /**
   * Users (and apps with write permission) can change it after sign-up. Cannot be changed after the pool exists.
   * @default true
   */
  readonly mutable?: boolean;
  /**
   * String attributes only: the minimum length, 0 to 2048 (e.g. 7 for `email`).
   * @default - AWS's bound for the attribute (0, or 10 for `birthdate`)
   */
  readonly minLen?: number;
  /**
   * String attributes only: the maximum length, 1 to 2048 (e.g. 256 for `email`).
   * @default - AWS's bound for the attribute (2048, or 10 for `birthdate`)
   */
  readonly maxLen?: number;
}

/**
 * The standard (OpenID Connect) attributes, by their TypeScript name. Only those listed are rendered into
 * the pool's schema; the others keep AWS's defaults (optional and mutable).
 */
export interface StandardAttributes {
  readonly address?: StandardAttribute;
  readonly birthdate?: StandardAttribute;
  readonly email?: StandardAttribute;
  readonly familyName?: StandardAttribute;
  readonly gender?: StandardAttribute;
  readonly givenName?: StandardAttribute;
  readonly locale?: StandardAttribute;
  readonly middleName?: StandardAttribute;
  readonly fullname?: StandardAttribute;
  readonly nickname?: StandardAttribute;
  readonly phoneNumber?: StandardAttribute;
  readonly profilePicture?: StandardAttribute;
  readonly preferredUsername?: StandardAttribute;
  readonly profilePage?: StandardAttribute;
  readonly timezone?: StandardAttribute;
  readonly lastUpdateTime?: StandardAttribute;
  readonly website?: StandardAttribute;
}

/** The Cognito name, data type and AWS's own bounds of each standard attribute. */
export const STANDARD_ATTRIBUTES: { readonly [K in keyof Required<StandardAttributes>]: StandardAttributeSpec } = {
  address: { name: 'address', type: 'String', minLength: 0, maxLength: 2048 },
  birthdate: { name: 'birthdate', type: 'String', minLength: 10, maxLength: 10 },
  email: { name: 'email', type: 'String', minLength: 0, maxLength: 2048 },
  familyName: { name: 'family_name', type: 'String', minLength: 0, maxLength: 2048 },
  gender: { name: 'gender', type: 'String', minLength: 0, maxLength: 2048 },
  givenName: { name: 'given_name', type: 'String', minLength: 0, maxLength: 2048 },
  locale: { name: 'locale', type: 'String', minLength: 0, maxLength: 2048 },
  middleName: { name: 'middle_name', type: 'String', minLength: 0, maxLength: 2048 },
  fullname: { name: 'name', type: 'String', minLength: 0, maxLength: 2048 },
  nickname: { name: 'nickname', type: 'String', minLength: 0, maxLength: 2048 },
  phoneNumber: { name: 'phone_number', type: 'String', minLength: 0, maxLength: 2048 },
  profilePicture: { name: 'picture', type: 'String', minLength: 0, maxLength: 2048 },
  preferredUsername: { name: 'preferred_username', type: 'String', minLength: 0, maxLength: 2048 },
  profilePage: { name: 'profile', type: 'String', minLength: 0, maxLength: 2048 },
  timezone: { name: 'zoneinfo', type: 'String', minLength: 0, maxLength: 2048 },
  lastUpdateTime: { name: 'updated_at', type: 'Number', minValue: 0 },
  website: { name: 'website', type: 'String', minLength: 0, maxLength: 2048 },
};

/** What AWS reports back for a standard attribute; rendering the same values avoids a perpetual diff. */
export interface StandardAttributeSpec {
  readonly name: string;
  readonly type: 'String' | 'Number';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minValue?: number;
}

/** The data type of a custom attribute. */
export enum CustomAttributeType {
  STRING = 'String',
  NUMBER = 'Number',
  BOOLEAN = 'Boolean',
  DATE_TIME = 'DateTime',
}

/** Settings every custom attribute has. */
export interface CustomAttributeProps {
  /**
   * Whether the value can change after it is first set. Cannot be changed after the attribute exists.
   * @default true
   */
  readonly mutable?: boolean;
}

/** A custom attribute (`custom:<name>`), rendered with explicit constraints so Terraform never sees drift. */
export interface ICustomAttribute {
  /** The rendered definition. */
  bind(): CustomAttributeConfig;
}

/** A custom attribute's definition. Bounds are strings, as the API has them. */
export interface CustomAttributeConfig {
  readonly dataType: CustomAttributeType;
  readonly mutable: boolean;
  readonly stringConstraints?: { readonly minLength: number; readonly maxLength: number };
  readonly numberConstraints?: { readonly min: number; readonly max: number };
}

/** Length bounds of a String attribute. */
export interface StringAttributeProps extends CustomAttributeProps {
  /**
   * Minimum length.
   * @default 0
   */
  readonly minLen?: number;
  /**
   * Maximum length (at most 2048).
   * @default 2048
   */
  readonly maxLen?: number;
}

/** A String custom attribute. Both length bounds are always rendered. */
export class StringAttribute implements ICustomAttribute {
  constructor(private readonly props: StringAttributeProps = {}) {}
  public bind(): CustomAttributeConfig {
    return {
      dataType: CustomAttributeType.STRING,
      mutable: this.props.mutable ?? true,
      stringConstraints: { minLength: this.props.minLen ?? 0, maxLength: this.props.maxLen ?? 2048 },
    };
  }
}

/** Value bounds of a Number attribute. */
export interface NumberAttributeProps extends CustomAttributeProps {
  /**
   * Smallest value.
   * @default 0
   */
  readonly min?: number;
  /**
   * Largest value.
   * @default 2147483647
   */
  readonly max?: number;
}

/** A Number custom attribute. Both value bounds are always rendered. */
export class NumberAttribute implements ICustomAttribute {
  constructor(private readonly props: NumberAttributeProps = {}) {}
  public bind(): CustomAttributeConfig {
    return {
      dataType: CustomAttributeType.NUMBER,
      mutable: this.props.mutable ?? true,
      numberConstraints: { min: this.props.min ?? 0, max: this.props.max ?? 2147483647 },
    };
  }
}

/** A Boolean custom attribute. */
export class BooleanAttribute implements ICustomAttribute {
  constructor(private readonly props: CustomAttributeProps = {}) {}
  public bind(): CustomAttributeConfig {
    return { dataType: CustomAttributeType.BOOLEAN, mutable: this.props.mutable ?? true };
  }
}

/** A DateTime custom attribute. */
export class DateTimeAttribute implements ICustomAttribute {
  constructor(private readonly props: CustomAttributeProps = {}) {}
  public bind(): CustomAttributeConfig {
    return { dataType: CustomAttributeType.DATE_TIME, mutable: this.props.mutable ?? true };
  }
}
