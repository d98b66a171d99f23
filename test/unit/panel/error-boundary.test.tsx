// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../src/ui/ErrorBoundary';

function Boom({ explode }: { explode: boolean }) {
  if (explode) throw new Error('kaput <b>x</b>');
  return <p>fine</p>;
}

describe('ErrorBoundary', () => {
  it('shows what failed as text, keeps siblings, and resets on a new key', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { rerender } = render(
      <>
        <p>sibling</p>
        <ErrorBoundary what="the detail view" resetKey="a">
          <Boom explode />
        </ErrorBoundary>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Status Lens could not show the detail view');
    expect(screen.getByText('kaput <b>x</b>')).toBeInTheDocument();
    expect(screen.getByText('sibling')).toBeInTheDocument();
    rerender(
      <>
        <p>sibling</p>
        <ErrorBoundary what="the detail view" resetKey="b">
          <Boom explode={false} />
        </ErrorBoundary>
      </>,
    );
    expect(screen.getByText('fine')).toBeInTheDocument();
    spy.mockRestore();
  });

  it('tries again on request', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    let explode = true;
    function Flaky() {
      return <Boom explode={explode} />;
    }
    render(
      <ErrorBoundary what="x">
        <Flaky />
      </ErrorBoundary>,
    );
    explode = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('fine')).toBeInTheDocument();
    spy.mockRestore();
  });
});
