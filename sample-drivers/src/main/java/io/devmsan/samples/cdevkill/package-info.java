/**
 * Seed 000 (Logan Gunthorpe and Jason Gunthorpe on linux-kernel, March 2017): "implement a
 * 'cdev_kill' function which could kill all the processes using a cdev. Thus, during an unbind, a
 * driver could call it and be sure that there are no users left and it can safely allow the devres
 * unwind to continue." Jason's answer: cdev "would have to insert a shim to grab locks around the
 * various file ops". The kdev driver makes its character device killable (every operation holds the
 * read side of the shim's rw-semaphore) and calls {@link io.devmsan.kernel.cdev.Cdev#kill()} in
 * {@code remove()} right after {@code cdev_del}: the kill waits for the operations inside, runs the
 * driver's release of every open file on the spot, and turns every later operation into
 * {@code -EIO}. Release may therefore use the devm context, which it does (it counts open files
 * there): nothing of the driver runs once devres unwinds.
 *
 * <p>The main class is {@link io.devmsan.samples.cdevkill.KdevDriver};
 * {@link io.devmsan.samples.cdevkill.KdevStory} replays open, unbind, read, close.
 */
package io.devmsan.samples.cdevkill;
