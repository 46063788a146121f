import { describe, expect, it } from 'vitest';
import { keyAction } from './keyAction.ts';
import type { KeyPress } from './keyAction.ts';

const press = (key: string, on: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  tagName: 'BODY',
  type: null,
  role: null,
  editable: false,
  ...on,
});

describe('keyAction (PRODUCT.md §5 key map)', () => {
  it.each([
    ['ArrowRight', 'next'],
    ['ArrowDown', 'next'],
    ['PageDown', 'next'],
    ['n', 'next'],
    ['Enter', 'next'],
    ['ArrowLeft', 'prev'],
    ['ArrowUp', 'prev'],
    ['PageUp', 'prev'],
    ['p', 'prev'],
    ['Backspace', 'prev'],
    [' ', 'toggle'],
    ['k', 'toggle'],
    ['Home', 'first'],
    ['End', 'last'],
    ['r', 'restart'],
    ['f', 'fullscreen'],
    ['?', 'help'],
    ['Escape', 'close'],
  ])('%j → %s', (key, action) => {
    expect(keyAction(press(key))).toBe(action);
  });

  it('leaves b, . and / to the slide deck', () => {
    for (const key of ['b', 'B', '.', '/']) expect(keyAction(press(key))).toBeNull();
  });

  it('with keys=0 single letters are off, but arrows, clicker keys and Space still work', () => {
    for (const key of ['n', 'p', 'k', 'r', 'f']) expect(keyAction(press(key), false)).toBeNull();
    expect(keyAction(press('PageDown'), false)).toBe('next');
    expect(keyAction(press(' '), false)).toBe('toggle');
  });

  it('never takes browser shortcuts', () => {
    expect(keyAction(press('r', { ctrlKey: true }))).toBeNull();
    expect(keyAction(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(keyAction(press('f', { metaKey: true }))).toBeNull();
  });

  it('lets Enter and Space click a focused button, but a clicker still steps from it', () => {
    expect(keyAction(press('Enter', { tagName: 'BUTTON' }))).toBeNull();
    expect(keyAction(press(' ', { tagName: 'BUTTON' }))).toBeNull();
    expect(keyAction(press('PageDown', { tagName: 'BUTTON' }))).toBe('next');
    expect(keyAction(press(' ', { tagName: 'INPUT', type: 'checkbox' }))).toBeNull();
  });

  it('lets people type and choose in fields', () => {
    expect(keyAction(press('n', { tagName: 'INPUT', type: 'text' }))).toBeNull();
    expect(keyAction(press('a', { tagName: 'SELECT' }))).toBeNull();
    expect(keyAction(press(' ', { tagName: 'SELECT' }))).toBeNull();
    expect(keyAction(press('Backspace', { tagName: 'DIV', editable: true }))).toBeNull();
    expect(keyAction(press('ArrowDown', { tagName: 'INPUT', type: 'radio' }))).toBeNull();
  });

  it("a closed select does not take the clicker's keys: they step the request", () => {
    for (const key of ['PageDown', 'ArrowDown', 'ArrowRight'])
      expect(keyAction(press(key, { tagName: 'SELECT' }))).toBe('next');
    for (const key of ['PageUp', 'ArrowUp', 'ArrowLeft'])
      expect(keyAction(press(key, { tagName: 'SELECT' }))).toBe('prev');
    expect(keyAction(press('Home', { tagName: 'SELECT' }))).toBeNull();
  });

  it('Esc closes from anywhere, even a field', () => {
    expect(keyAction(press('Escape', { tagName: 'SELECT' }))).toBe('close');
  });
});
