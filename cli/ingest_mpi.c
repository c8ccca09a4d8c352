/*
** ingest_mpi.c -- the MPI side of `warta ingest --mpi` (ingest_mpi.h):
** OpenMPI's calls, made by the main thread only (the coding threads never
** call MPI), so MPI_THREAD_FUNNELED is enough.
*/
#include "ingest_mpi.h"
#include "cli.h"

#ifdef WARTA_MPI
#include <mpi.h>
#include <time.h>

bool mpi_start(mpi_run *m)
{
    int provided;
    if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided) !=
        MPI_SUCCESS) {
        cli_error("--mpi: MPI does not start");
        return false;
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &m->rank);
    MPI_Comm_size(MPI_COMM_WORLD, &m->size);
    return true;
}

/* Wait for every rank without spinning: OpenMPI's blocking calls poll
** at full speed, and a rank that finished first would take from the
** others, and from the database server, a core it only waits on (2.4 s
** of CPU on a 10 s run of two ranks on two cores). */
static void wait_for_all(void)
{
    MPI_Request r;
    int done = 0;
    MPI_Ibarrier(MPI_COMM_WORLD, &r);
    while (MPI_Test(&r, &done, MPI_STATUS_IGNORE) == MPI_SUCCESS && !done)
        nanosleep(&(struct timespec){.tv_nsec = 10000000}, NULL);
}

void mpi_sum(const mpi_run *m, unsigned long long *v, int n)
{
    wait_for_all();
    if (m->rank == 0)
        MPI_Reduce(MPI_IN_PLACE, v, n, MPI_UNSIGNED_LONG_LONG, MPI_SUM, 0,
                   MPI_COMM_WORLD);
    else
        MPI_Reduce(v, NULL, n, MPI_UNSIGNED_LONG_LONG, MPI_SUM, 0,
                   MPI_COMM_WORLD);
}

void mpi_end(const mpi_run *m)
{
    (void)m;
    MPI_Finalize();
}

#else /* built with MPI=0 */

bool mpi_start(mpi_run *m)
{
    (void)m;
    cli_error("--mpi: this warta was built without MPI (make MPI=0)");
    return false;
}

void mpi_sum(const mpi_run *m, unsigned long long *v, int n)
{
    (void)m, (void)v, (void)n;
}

void mpi_end(const mpi_run *m)
{
    (void)m;
}

#endif
