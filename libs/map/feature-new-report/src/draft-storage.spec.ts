import { EMPTY_DRAFT } from './draft';
import { forgetDraft, restoreDraft, storeDraft } from './draft-storage';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('the report draft in the tab', () => {
  it('keeps the text, place and contact across a reload, never photos or consent', () => {
    const storage = new MemoryStorage();
    const photo = new File(['x'], 'a.jpg', { type: 'image/jpeg' });
    storeDraft(
      storage,
      { ...EMPTY_DRAFT, location: { lat: 40.4, lon: -3.7 }, category: 'farola', title: 'Farola', description: 'Apagada', photos: [photo], consent: true, name: 'Ana' },
      'details',
    );
    expect(storage.getItem('plaza:new-report-draft')).not.toContain('consent');
    const restored = restoreDraft(storage);
    expect(restored?.step).toBe('details');
    expect(restored?.draft).toEqual({
      ...EMPTY_DRAFT,
      location: { lat: 40.4, lon: -3.7 },
      category: 'farola',
      title: 'Farola',
      description: 'Apagada',
      name: 'Ana',
    });
    forgetDraft(storage);
    expect(restoreDraft(storage)).toBeNull();
  });

  it('ignores what it cannot read', () => {
    const storage = new MemoryStorage();
    storage.setItem('plaza:new-report-draft', '{not json');
    expect(restoreDraft(storage)).toBeNull();
    storage.setItem('plaza:new-report-draft', JSON.stringify({ step: 'nowhere', title: 3, location: { lat: 'x' } }));
    expect(restoreDraft(storage)).toEqual({ draft: EMPTY_DRAFT, step: 'location' });
    expect(restoreDraft(null)).toBeNull();
  });
});
