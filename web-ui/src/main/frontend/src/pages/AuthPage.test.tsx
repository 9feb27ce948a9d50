import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { SignedIn } from '../App';
import { resetSession } from '../auth';
import { json, problem, stubFetch } from '../test/fetchStub';

const tokens = {
  accessToken: 't-1',
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: 'r',
  userId: 'u-1',
  email: 'ana@example.test',
  roles: ['TRADER'],
};

function renderApp() {
  return render(
    <MemoryRouter>
      <SignedIn>{(user) => <p>Welcome {user.email}</p>}</SignedIn>
    </MemoryRouter>,
  );
}

describe('login and registration', () => {
  afterEach(() => resetSession());

  it('shows the login form when there is no session, then the app after logging in', async () => {
    const calls = stubFetch((c) => {
      if (c.url === '/api/auth/refresh') return problem(401, 'no refresh token was sent');
      if (c.url === '/api/auth/login') return json(200, tokens);
      return undefined;
    });
    renderApp();

    await userEvent.type(await screen.findByLabelText('Email'), 'ana@example.test');
    await userEvent.type(screen.getByLabelText('Password'), 'a long passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('Welcome ana@example.test')).toBeInTheDocument();
    const login = calls.find((c) => c.url === '/api/auth/login')!;
    expect(login.body).toEqual({ email: 'ana@example.test', password: 'a long passphrase' });
  });

  it('keeps the session across a reload through the refresh cookie', async () => {
    stubFetch((c) => (c.url === '/api/auth/refresh' ? json(200, tokens) : undefined));

    renderApp();

    expect(await screen.findByText('Welcome ana@example.test')).toBeInTheDocument();
  });

  it('shows why a login was refused', async () => {
    stubFetch((c) => {
      if (c.url === '/api/auth/refresh') return problem(401, 'no refresh token was sent');
      if (c.url === '/api/auth/login') return problem(401, 'wrong email or password');
      return undefined;
    });
    renderApp();

    await userEvent.type(await screen.findByLabelText('Email'), 'ana@example.test');
    await userEvent.type(screen.getByLabelText('Password'), 'not it at all');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('wrong email or password');
    expect(screen.queryByText(/Welcome/)).not.toBeInTheDocument();
  });

  it('registers, shows the password policy refusal, and logs in once the account exists', async () => {
    let attempts = 0;
    const calls = stubFetch((c) => {
      if (c.url === '/api/auth/refresh') return problem(401, 'no refresh token was sent');
      if (c.url === '/api/auth/register') {
        attempts++;
        return attempts === 1
          ? problem(400, 'the password must have at least 12 characters', { type: 'https://trendline.io/problems/weak-password' })
          : json(201, { userId: 'u-1', email: 'ana@example.test', roles: ['TRADER'] });
      }
      if (c.url === '/api/auth/login') return json(200, tokens);
      return undefined;
    });
    renderApp();

    await userEvent.click(await screen.findByRole('button', { name: 'Create an account' }));
    await userEvent.type(screen.getByLabelText('Email'), 'ana@example.test');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('at least 12 characters');

    await userEvent.type(screen.getByLabelText('Password'), ' and now much longer');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Welcome ana@example.test')).toBeInTheDocument();
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/refresh', '/api/auth/register', '/api/auth/register', '/api/auth/login']);
  });
});
