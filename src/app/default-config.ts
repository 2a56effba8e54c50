import { CognitoStackProps } from './cognito-stack';

/** The embedded default configuration: what `npm run synth` builds when no file is given. */
export const DEFAULT_ENVIRONMENTS: { readonly [name: string]: CognitoStackProps } = {
  'example-dev': {
    accountId: '111111111111',
    region: 'eu-west-1',
    tags: { environment: 'dev', 'managed-by': 'cdktf-cognito' },
    pool: { userPoolName: 'example-dev', selfSignUpEnabled: true },
  },
};
