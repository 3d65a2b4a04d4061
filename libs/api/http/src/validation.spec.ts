import { IsString } from 'class-validator';
import { DomainError } from './domain-error';
import { parseInput } from './validation';

class NoteDto {
  @IsString()
  body!: string;
}

describe('parseInput', () => {
  it('refuses a field the DTO does not declare with unknown_field, naming it', () => {
    try {
      parseInput(NoteDto, { body: 'hola', bodyy: 'typo' });
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(JSON.stringify(error)).toMatch(/bodyy/);
      expect(JSON.stringify(error)).toMatch(/unknown_field/);
    }
  });

  it('accepts exactly the declared fields', () => {
    expect(parseInput(NoteDto, { body: 'hola' })).toEqual({ body: 'hola' });
  });
});
