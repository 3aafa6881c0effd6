import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('gives every variable a default', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_PROVIDER).toBe('auto');
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.PUBLIC_READS).toBe(true);
    expect(config.API_KEYS).toEqual([]);
  });

  it('stops on a bad value with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(
      /NEO4J_URI=.*bolt:\/\/ or neo4j:\/\//,
    );
    expect(() => loadConfig({ API_KEYS: 'short:editor' })).toThrow(/API_KEYS=/);
    expect(() => loadConfig({ MAX_PAGE_SIZE: '0' })).toThrow(/MAX_PAGE_SIZE/);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('accepts both bolt:// and neo4j:// URIs and parses API keys with roles', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j://cluster.example:7687' }).NEO4J_URI).toBe(
      'neo4j://cluster.example:7687',
    );
    expect(loadConfig({ NEO4J_URI: 'bolt+s://db.example:7687' }).NEO4J_URI).toBe('bolt+s://db.example:7687');
    expect(loadConfig({ API_KEYS: 'aaaaaaaaaaaaaaaa:editor, bbbbbbbbbbbbbbbb:reader' }).API_KEYS).toEqual([
      { key: 'aaaaaaaaaaaaaaaa', role: 'editor' },
      { key: 'bbbbbbbbbbbbbbbb', role: 'reader' },
    ]);
  });

  it('lists every variable in .env.example', async () => {
    const { readFileSync } = await import('node:fs');
    const { ConfigSchema } = await import('../../src/config.js');
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    for (const name of Object.keys(ConfigSchema.shape))
      expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});
