import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in words a user understands ("the detail view"). */
  what: string;
  children: ReactNode;
  /** Changing this resets the boundary (e.g. a new selection). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Keeps one broken view from blanking a whole surface: response data is hostile and a render
 * bug on one odd exchange must leave the list, the toolbar and the other exchanges usable.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Status Lens: ${this.props.what} failed to render`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="error-boundary">
        <p>
          <strong>Status Lens could not show {this.props.what}.</strong> The rest keeps working.
        </p>
        <p className="muted mono">{String(this.state.error.message).slice(0, 500)}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
