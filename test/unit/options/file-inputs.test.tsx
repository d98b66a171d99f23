// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderOptions } from '../../helpers/options';

afterEach(cleanup);

/**
 * Each file picker of the options page is named for what it imports, beyond the bare words of
 * the label it sits in, and its name starts with those visible words (voice control: "click
 * Import settings").
 */
describe('options: the file pickers say what they import', () => {
  it.each([
    ['Import settings from a JSON file', 'Import settings'],
    ['Import profile from a JSON file', 'Import profile'],
  ])('%s', async (name, visible) => {
    renderOptions();
    const input = await screen.findByLabelText(name, { exact: true });
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', '.json,application/json');
    expect(input.closest('label')).toHaveTextContent(visible);
  });

  it('the OpenAPI picker: its button, which is what a keyboard reaches, names the descriptions', async () => {
    const { user } = renderOptions();
    const button = await screen.findByRole('button', {
      name: 'Choose files: OpenAPI descriptions to import',
    });
    expect(button).toHaveTextContent('Choose files…');
    const input = screen.getByLabelText<HTMLInputElement>('OpenAPI description file');
    const opened = vi.spyOn(input, 'click');
    await user.click(button);
    expect(opened).toHaveBeenCalledOnce();
  });
});
