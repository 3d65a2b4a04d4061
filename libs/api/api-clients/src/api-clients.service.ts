import { Injectable } from '@nestjs/common';
import { DomainError } from '@plaza/api/http';
import { isEmail } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { generateApiKey, hashApiKey } from './api-key';
import { ApiClientsRepository, type ApiClientView } from './api-clients.repository';

export interface NewApiClient {
  name: string;
  contactEmail: string;
  /** Default false: a client's requests then wait for the reporter's email confirmation, like the map's. */
  verifiesReporters?: boolean;
}

/**
 * Client applications of the Open311 API. The console's administration (and the demo seed) create
 * them; the clear key is returned once, at creation, and only its hash is kept.
 */
@Injectable()
export class ApiClientsService {
  constructor(private readonly clients: ApiClientsRepository) {}

  /** Pass the transaction's manager to record the creation (audit) in the same transaction. */
  async create(input: NewApiClient, manager?: EntityManager): Promise<{ client: ApiClientView; key: string }> {
    const name = input.name?.trim() ?? '';
    const contactEmail = input.contactEmail?.trim().toLowerCase() ?? '';
    const problems = [
      ...(name.length < 1 || name.length > 80
        ? [{ field: 'name', code: 'invalid_length', message: 'name must have 1 to 80 characters' }]
        : []),
      ...(!isEmail(contactEmail)
        ? [{ field: 'contactEmail', code: 'invalid_email', message: 'contactEmail must be an email address' }]
        : []),
    ];
    if (problems.length) throw DomainError.validation(problems);
    const key = generateApiKey();
    const client = await this.clients.insert({ name, contactEmail, keyHash: hashApiKey(key), verifiesReporters: input.verifiesReporters === true }, manager);
    if (!client)
      throw new DomainError(
        'API_CLIENT.NAME_TAKEN',
        'conflict',
        `There is already a client application called "${name}".`,
      );
    return { client, key };
  }

  list(): Promise<ApiClientView[]> {
    return this.clients.list();
  }

  /** The client as it is, or null for an id that names none. */
  async find(id: string, manager?: EntityManager): Promise<ApiClientView | null> {
    return /^[0-9a-f-]{36}$/i.test(id) ? this.clients.find(id, manager) : null;
  }

  async setActive(id: string, active: boolean, manager?: EntityManager): Promise<ApiClientView> {
    const client = /^[0-9a-f-]{36}$/i.test(id) ? await this.clients.setActive(id, active, manager) : null;
    if (!client) throw new DomainError('API_CLIENT.NOT_FOUND', 'not_found', `No client application ${id}.`);
    return client;
  }

  /** Whether the client answers for its users' email addresses (their requests need no confirmation mail). */
  verifiesReporters(clientId: string): Promise<boolean> {
    return this.clients.verifiesReporters(clientId);
  }

  /** The active client application a key belongs to, or null for a missing, unknown or revoked key. */
  async authenticate(key: string | undefined): Promise<ApiClientView | null> {
    if (!key) return null;
    return this.clients.useActiveByKeyHash(hashApiKey(key));
  }
}
