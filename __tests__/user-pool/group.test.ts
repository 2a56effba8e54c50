import { formatProblem, UserPool } from '../../src';
import { checkGroup } from '../../src/user-pool/user-pool-group';
import { onlyResource, synth, testStack, validationErrors } from '../support/stack';

describe('UserPoolGroup', () => {
  test('renders aws_cognito_user_group in the pool', () => {
    const stack = testStack();
    const pool = new UserPool(stack, 'pool', { userPoolName: 'p' });
    const group = pool.addGroup('admins', { groupName: 'admins', description: 'Administrators', precedence: 0 });
    expect(group.groupName).toBe('admins');
    expect(onlyResource(synth(stack), 'aws_cognito_user_group')).toEqual({
      name: 'admins',
      description: 'Administrators',
      precedence: 0,
      user_pool_id: expect.stringMatching(/^\$\{aws_cognito_user_pool\.\w+\.id\}$/),
    });
  });

  test('every problem is reported at synth', () => {
    const stack = testStack();
    const pool = new UserPool(stack, 'pool', { userPoolName: 'p' });
    pool.addGroup('bad', { groupName: 'two words', precedence: -1, roleArn: 'admin', description: 'd'.repeat(2049) });
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(/groupName: may not contain spaces or control characters; received "two words"/),
      expect.stringMatching(/description: must be 0 to 2048 characters long \(it has 2049\)/),
      expect.stringMatching(/precedence: must be a whole number from 0 to 2147483647; received -1/),
      expect.stringMatching(/roleArn: must be an IAM role ARN; received "admin"/),
    ]);
  });

  test('the rules pass a valid group and skip nothing else', () => {
    expect(
      checkGroup({ groupName: 'readers', precedence: 2147483647, roleArn: 'arn:aws:iam::111122223333:role/readers' }).map((p) => formatProblem(p)),
    ).toEqual([]);
  });
});
