import { open311Text } from './open311-text';

describe('Open311 text', () => {
  it('writes the service_notice target with the plural each language needs', () => {
    expect(open311Text('ca').target('Enllumenat', 5)).toBe('Enllumenat atén aquest tipus d’avisos en un termini objectiu de 5 dies.');
    expect(open311Text('ca').target('Enllumenat', 1)).toBe('Enllumenat atén aquest tipus d’avisos en un termini objectiu d’un dia.');
    expect(open311Text('gl').target('Iluminación', 1)).toBe('Iluminación atende este tipo de avisos nun prazo obxectivo de 1 día.');
    expect(open311Text('ca').target('Enllumenat', 11)).toBe('Enllumenat atén aquest tipus d’avisos en un termini objectiu d’11 dies.');
    expect(open311Text('eu').target('Argiteria', 1)).toBe('Argiteria: mota honetako abisuak egun bateko helburu-epean artatzen dira.');
    expect(open311Text('eu').target('Argiteria', 3)).toBe('Argiteria: mota honetako abisuak 3 eguneko helburu-epean artatzen dira.');
    expect(open311Text('en').target('Street lighting', 1)).toBe('Street lighting deals with requests of this kind within a target of 1 day.');
  });

  it('writes the notices and discovery texts in the request language', () => {
    expect(open311Text('gl').moderation).toBe('O aviso publicarase cando o revise o equipo de moderación.');
    expect(open311Text('eu').published).toBe('Abisua publikoa da dagoeneko.');
    expect(open311Text('ca').awaitingConfirmation).toMatch(/^Hem enviat un enllaç de confirmació/);
    expect(open311Text('es').contact('https://plaza.example/')).toBe('Información y contacto del servicio: https://plaza.example/');
  });
});
