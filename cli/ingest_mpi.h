/*
** ingest_mpi.h -- `warta ingest --mpi`: the processes mpirun starts share
** the inputs out (coders_spec.part) and add up their counts for rank 0's
** summary.  Built without MPI (make MPI=0), --mpi says so and fails.
*/
#ifndef WARTA_INGEST_MPI_H
#define WARTA_INGEST_MPI_H

#include <stdbool.h>

typedef struct mpi_run {
    int rank, size;                 /* this process, of size */
} mpi_run;

/* Join the run mpirun started; false, with a message, when this warta
** was built without MPI or MPI cannot start. */
bool mpi_start(mpi_run *m);

/* Add up each process's n counts: rank 0's v gets the sums. */
void mpi_sum(const mpi_run *m, unsigned long long *v, int n);

/* Leave the run (every process, whatever happened to it). */
void mpi_end(const mpi_run *m);

#endif
