import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GradingConfigError,
  GradingConfigSchema,
  defaultGradingConfig,
  loadGradingConfig,
  mergeGradingConfig,
} from '../../../src/domain/grading-config.js';

describe('grading configuration', () => {
  it('uses the defaults when GRADING_CONFIG is unset, and they pass the schema', () => {
    expect(loadGradingConfig({})).toBe(defaultGradingConfig);
    expect(GradingConfigSchema.parse(defaultGradingConfig)).toEqual(defaultGradingConfig);
  });

  it('merges a JSON override key by key onto the defaults', () => {
    const config = loadGradingConfig({
      GRADING_CONFIG: '{"reliabilityByKind": {"wire": "A"}, "hedgePenalty": 0.1}',
    });
    expect(config.reliabilityByKind.wire).toBe('A');
    expect(config.reliabilityByKind.outlet).toBe(defaultGradingConfig.reliabilityByKind.outlet);
    expect(config.hedgePenalty).toBe(0.1);
    expect(config.anonymousHopPenalty).toBe(defaultGradingConfig.anonymousHopPenalty);
  });

  it('reads an override from a JSON file path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'grading-config-'));
    try {
      const file = path.join(dir, 'grading.json');
      writeFileSync(file, JSON.stringify({ reliabilityWeight: { F: 0.3 } }));
      expect(loadGradingConfig({ GRADING_CONFIG: file }).reliabilityWeight.F).toBe(0.3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a bad value with a message naming the setting, never falling back silently', () => {
    expect(() => loadGradingConfig({ GRADING_CONFIG: '{"reliabilityByKind": {"wire": "G"}}' })).toThrow(
      GradingConfigError,
    );
    expect(() => loadGradingConfig({ GRADING_CONFIG: '{"hedgePenalty": 2}' })).toThrow(/hedgePenalty/);
    expect(() => loadGradingConfig({ GRADING_CONFIG: '{"unknownSetting": 1}' })).toThrow(/GRADING_CONFIG/);
    expect(() => loadGradingConfig({ GRADING_CONFIG: '/no/such/file.json' })).toThrow(/GRADING_CONFIG/);
  });

  it('merges the verdict table and the weights key by key, and replaces the other settings whole', () => {
    const config = loadGradingConfig({
      GRADING_CONFIG:
        '{"verdictRatings": {"unproven": 0.5}, "reliabilityWeight": {"A": 0.9}, "hedgingRoles": ["claimed"]}',
    });
    expect(config.verdictRatings).toEqual({ ...defaultGradingConfig.verdictRatings, unproven: 0.5 });
    expect(config.reliabilityWeight).toEqual({ ...defaultGradingConfig.reliabilityWeight, A: 0.9 });
    expect(config.hedgingRoles).toEqual(['claimed']);
    expect(mergeGradingConfig()).toEqual(defaultGradingConfig);
  });

  it('reads a value with spaces around it, and a blank value as unset', () => {
    expect(loadGradingConfig({ GRADING_CONFIG: '  {"hedgePenalty": 0.1}\n' }).hedgePenalty).toBe(0.1);
    expect(loadGradingConfig({ GRADING_CONFIG: '   ' })).toBe(defaultGradingConfig);
  });

  it('names every bad setting by its path, and the whole object for an unknown setting', () => {
    const error = (value: string) => {
      try {
        loadGradingConfig({ GRADING_CONFIG: value });
      } catch (e) {
        expect(e).toBeInstanceOf(GradingConfigError);
        expect((e as Error).name).toBe('GradingConfigError');
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    const two = error('{"reliabilityByKind": {"wire": "G"}, "hedgePenalty": 2}');
    expect(two).toMatch(/^invalid GRADING_CONFIG: reliabilityByKind\.wire: .+; hedgePenalty: .+$/);
    expect(error('{"unknownSetting": 1}')).toMatch(/^invalid GRADING_CONFIG: \(root\): .*unknownSetting/);
    expect(error('{"hedgePenalty": ')).toMatch(/^invalid GRADING_CONFIG: .*JSON/);
  });
});
