import type { ApiError } from '../api';

/** The detail of a refused request, as the server worded it. */
export function ProblemMessage({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <div className="problem" role="alert">
      {error.problem.title && error.problem.title !== error.detail && <strong>{error.problem.title}: </strong>}
      <span>{error.detail}</span>
    </div>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  if (!children) return null;
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}
