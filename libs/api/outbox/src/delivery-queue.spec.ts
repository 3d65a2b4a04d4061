import { DeliveryQueue, type QueuedDelivery } from './delivery-queue';

const message = (id: string, priority: number, key = id): QueuedDelivery => ({ id, priority, key });

describe('DeliveryQueue', () => {
  it('hands out the highest priority first, then in claim order', () => {
    const queue = new DeliveryQueue();
    queue.add([message('bulk-1', 0), message('normal-1', 5), message('bulk-2', 0)]);
    queue.add([message('urgent-1', 10), message('normal-2', 5)]);
    const order: string[] = [];
    for (let next = queue.take(); next; next = queue.take()) order.push(next.id);
    expect(order).toEqual(['urgent-1', 'normal-1', 'normal-2', 'bulk-1', 'bulk-2']);
    expect(queue.size).toBe(0);
  });

  it('puts a sign-in link claimed later ahead of the confirmations still waiting', () => {
    const queue = new DeliveryQueue();
    queue.add(Array.from({ length: 5 }, (_, i) => message(`bulk-${i}`, 0)));
    expect(queue.take()?.id).toBe('bulk-0');
    queue.add([message('sign-in', 10)]);
    expect(queue.take()?.id).toBe('sign-in');
    expect(queue.take()?.id).toBe('bulk-1');
  });

  it('never has two messages with one key in flight, and keeps their order', () => {
    const queue = new DeliveryQueue();
    queue.add([message('a-1', 0, 'email:a'), message('a-2', 0, 'email:a'), message('b-1', 0, 'email:b')]);
    const first = queue.take()!;
    expect(first.id).toBe('a-1');
    // a-2 waits for a-1; b-1 may go meanwhile.
    expect(queue.take()?.id).toBe('b-1');
    expect(queue.take()).toBeNull();
    expect(queue.size).toBe(1);
    queue.done(first);
    expect(queue.take()?.id).toBe('a-2');
  });

  it('knows the lowest priority waiting, drops what lost its lease, and drains for shutdown', () => {
    const queue = new DeliveryQueue();
    expect(queue.lowestPriority()).toBeNull();
    queue.add([message('n', 5), message('b', 0), message('u', 10)]);
    expect(queue.lowestPriority()).toBe(0);
    expect(queue.removeWhere((m) => m.id === 'b').map((m) => m.id)).toEqual(['b']);
    expect(queue.lowestPriority()).toBe(5);
    expect(queue.peekAll().map((m) => m.id)).toEqual(['u', 'n']);
    expect(queue.drain().map((m) => m.id)).toEqual(['u', 'n']);
    expect(queue.size).toBe(0);
  });
});
