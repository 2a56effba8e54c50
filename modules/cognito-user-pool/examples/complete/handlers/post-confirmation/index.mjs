// Post confirmation trigger: puts each user who confirms their sign-up in the group DEFAULT_GROUP.
// The module grants cognito-idp:AdminAddUserToGroup on this pool only (pool_actions); the AWS SDK for
// JavaScript v3 is part of the Node.js runtime, so the zip holds this file alone.
import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

const cognito = new CognitoIdentityProviderClient({});

export const handler = async (event) => {
  if (event.triggerSource === 'PostConfirmation_ConfirmSignUp') {
    await cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: event.userPoolId, Username: event.userName, GroupName: process.env.DEFAULT_GROUP }),
    );
  }
  return event;
};
